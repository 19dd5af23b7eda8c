-- Shared by the wrk scripts: the Authorization header of user id's bearer token
-- ("bench-<id>", seeded by run.sh) when the service requires sign-in (BENCH_AUTH=1).
local auth = os.getenv("BENCH_AUTH") == "1"

return function(headers, id)
	if auth then
		headers["Authorization"] = "Bearer bench-" .. id
	end
	return headers
end
