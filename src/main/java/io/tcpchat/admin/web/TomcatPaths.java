package io.tcpchat.admin.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses a path with an encoded slash ({@code %2F}) with an HTML page of its own, before Spring sees the
 * request. Passed through instead, such a path is refused by Spring Security's firewall, and the 400 is a problem
 * detail like every other error ({@link ProblemErrorController}). The path is never decoded into a slash.
 */
@Component
class TomcatPaths implements TomcatConnectorCustomizer {

	@Override
	public void customize(org.apache.catalina.connector.Connector connector) {
		connector.setEncodedSolidusHandling("passthrough");
	}

}
