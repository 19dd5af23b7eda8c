-- POST /users/{id}/tasks for a random user id in BENCH_FIRST_ID..BENCH_LAST_ID, as that
-- user (the owner) when the service requires sign-in.
local first = tonumber(os.getenv("BENCH_FIRST_ID"))
local last = tonumber(os.getenv("BENCH_LAST_ID"))
local sign = dofile(os.getenv("BENCH_LUA_DIR") .. "/auth.lua")
local body = '{"title":"Benchmark task","completed":false}'

-- Each wrk thread gets its own random sequence.
local threads = 0

function setup(thread)
	threads = threads + 1
	thread:set("seed", threads)
end

function init(args)
	math.randomseed(os.time() * 100 + seed)
end

function request()
	local id = math.random(first, last)
	return wrk.format("POST", "/users/" .. id .. "/tasks", sign({ ["Content-Type"] = "application/json" }, id), body)
end

done = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")
