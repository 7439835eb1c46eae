package io.tcpchat.admin.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page, as a problem detail like every other error: what the container, Spring Security's firewall or a
 * filter refuse before any controller runs ends up here. Replaces Spring Boot's {@code BasicErrorController} and
 * its {@code {"timestamp","status","error"}} JSON. Says no more than the status: no exception text leaks.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// asked for directly, /error is just a path with nothing behind it
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, describe(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path.replace(" ", "%20")));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String describe(HttpStatus status) {
		if (status == HttpStatus.BAD_REQUEST) {
			return "The request was refused before it reached the API (for example an encoded slash in the path).";
		}
		if (status == HttpStatus.NOT_FOUND) {
			return "There is nothing at this path.";
		}
		return status.is5xxServerError() ? "Something went wrong on our side." : status.getReasonPhrase() + ".";
	}

}
