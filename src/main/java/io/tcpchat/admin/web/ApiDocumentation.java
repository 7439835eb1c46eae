package io.tcpchat.admin.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.tcpchat.auth.ChatUser;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what the API is, that every operation needs HTTP Basic, and
 * what each can answer. The acting admin (a {@link ChatUser} handler argument, resolved from the login) is no
 * parameter; every operation lists 401 and 403, and every 4xx is an {@code application/problem+json} body. The
 * server is given as {@code /} (relative to the document) rather than echoed from the request's Host header.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ChatUser.class);
	}

	@Bean
	OpenAPI chatOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI()
			.info(new Info().title("tcp-chat admin API")
				.version((properties != null) ? properties.getVersion() : "dev")
				.description("Everything admins can do with // commands, over HTTP. Every operation needs HTTP "
						+ "Basic with an account that has the ADMIN role; errors are application/problem+json."))
			.servers(List.of(new Server().url("/").description("this server")))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

	/** 401 and 403 everywhere, 400 where there is input, and a problem body on every 4xx. */
	@Bean
	OperationCustomizer documentedRefusals() {
		return (operation, handler) -> {
			ApiResponses responses = operation.getResponses();
			if (hasInput(operation)) {
				responses.putIfAbsent("400", new ApiResponse().description("Invalid input (code invalid-argument)"));
			}
			responses.putIfAbsent("401", new ApiResponse().description("No, wrong or locked credentials"));
			responses.putIfAbsent("403", new ApiResponse().description("The account is not an admin"));
			responses.putIfAbsent("429", new ApiResponse().description("Too many failed logins; try again later"));
			responses.forEach((code, response) -> {
				if (code.startsWith("4")) {
					response.setContent(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
				}
			});
			return operation;
		};
	}

	private static boolean hasInput(Operation operation) {
		return operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
	}

	private static Schema<?> problemSchema() {
		Map<String, Schema> fields = Map.of("type", new StringSchema(), "title", new StringSchema(), "status",
				new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema(), "code",
				new StringSchema().description("the chat error code, as over TCP, e.g. not-found"));
		return new ObjectSchema().description("RFC 9457 problem details").properties(fields);
	}

}
