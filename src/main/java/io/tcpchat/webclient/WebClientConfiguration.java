package io.tcpchat.webclient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the web client, static files from {@code classpath:/web/}, at {@code /}: an HTML page and plain ES
 * modules, no build step. Kept apart from Boot's {@code static/} location so that {@code chat.web.enabled=false}
 * takes the page away together with its WebSocket. Browsers revalidate every file on load (the names carry no
 * version), so an upgraded server is never paired with an old script.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.web.enabled", havingValue = "true", matchIfMissing = true)
class WebClientConfiguration implements WebMvcConfigurer {

	static final String LOCATION = "classpath:/web/";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/index.html").addResourceLocations(LOCATION).setCacheControl(CacheControl.noCache());
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(LOCATION + "assets/")
			.setCacheControl(CacheControl.noCache());
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/").setViewName("forward:/index.html");
	}

}
