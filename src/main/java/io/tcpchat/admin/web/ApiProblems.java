package io.tcpchat.admin.web;

import java.util.stream.Collectors;

import io.tcpchat.error.ChatException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail. Refusals of the chat rules keep their catalogue status and carry
 * their code, as over TCP.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ChatException.class)
	ProblemDetail refused(ChatException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.code().httpStatus()),
				ex.getMessage());
		problem.setProperty("code", ex.code().code());
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblems::describe)
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ex.getBody();
		problem.setDetail(detail.isEmpty() ? "The request body is invalid." : detail);
		problem.setProperty("code", "invalid-argument");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The request body is missing or is not JSON of the expected shape.");
		problem.setProperty("code", "invalid-argument");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

}
