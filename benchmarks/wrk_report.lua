-- Prints the latency percentiles of a wrk run as one JSON line (wrk's own report has no p95).
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "errors": %d, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
