package org.userstasks.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ProtocolHandler;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report. Runs last,
 * so it also replaces the report valve Spring Boot adds. Wraps the connector's adapter in
 * {@link AsteriskTargetErrors} for the one request Tomcat answers without that valve.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			Container host = context.getParent();
			Pipeline pipeline = host.getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ProblemErrorReportValve());
			if (host instanceof StandardHost standardHost) {
				// Otherwise the host adds its default HTML report valve when it starts.
				standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
		factory.addConnectorCustomizers((connector) -> connector.addLifecycleListener((event) -> {
			// The connector sets its adapter while it initialises; wrap it after that.
			if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
				ProtocolHandler handler = connector.getProtocolHandler();
				if (!(handler.getAdapter() instanceof AsteriskTargetErrors)) {
					handler.setAdapter(new AsteriskTargetErrors(handler.getAdapter()));
				}
			}
		}));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
