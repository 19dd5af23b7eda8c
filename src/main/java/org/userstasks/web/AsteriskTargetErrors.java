package org.userstasks.web;

import java.nio.ByteBuffer;

import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

/**
 * Answers an {@code OPTIONS *} request that Tomcat already refused while parsing it (an
 * unsupported HTTP version, conflicting framing) with problem+json. Tomcat's
 * {@code CoyoteAdapter} answers {@code OPTIONS *} itself and never invokes the host's
 * pipeline, so {@link ProblemErrorReportValve} does not see it and the refusal would
 * leave as a bare status, a 505 among them. Every other request goes to Tomcat's adapter
 * unchanged.
 */
final class AsteriskTargetErrors implements Adapter {

	private final Adapter delegate;

	AsteriskTargetErrors(Adapter delegate) {
		this.delegate = delegate;
	}

	@Override
	public void service(Request request, Response response) throws Exception {
		if (response.getStatus() < 400 || !"*".equals(request.requestURI().toString())
				|| !"OPTIONS".equals(request.getMethod())) {
			this.delegate.service(request, response);
			return;
		}
		int status = ProblemErrorReportValve.clientStatus(response.getStatus());
		byte[] body = JsonMapper.shared().writeValueAsBytes(ProblemErrorReportValve.problem(status, null));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
		response.setContentLength(body.length);
		response.doWrite(ByteBuffer.wrap(body));
		this.delegate.log(request, response, 0);
	}

	@Override
	public boolean prepare(Request request, Response response) throws Exception {
		return this.delegate.prepare(request, response);
	}

	@Override
	public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
		return this.delegate.asyncDispatch(request, response, status);
	}

	@Override
	public void log(Request request, Response response, long time) {
		this.delegate.log(request, response, time);
	}

	@Override
	public void checkRecycled(Request request, Response response) {
		this.delegate.checkRecycled(request, response);
	}

	@Override
	public String getDomain() {
		return this.delegate.getDomain();
	}

}
