from bilateral.serve.cli import main

main()
