-- Shared by the wrk scripts: prints one machine-readable line after a run.
return function(summary, latency, requests)
	local seconds = summary.duration / 1e6
	local e = summary.errors
	io.write(string.format("WRK rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d socket_errors=%d http_errors=%d\n",
		summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
		summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
