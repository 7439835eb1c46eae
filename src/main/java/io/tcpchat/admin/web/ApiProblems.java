package io.tcpchat.admin.web;

import java.util.stream.Collectors;

import io.tcpchat.command.ErrorTranslation;
import io.tcpchat.error.ChatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
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

	/**
	 * Anything else a service threw: a unique-key violation is a 409 {@code already-exists}, other database
	 * trouble a 503 {@code unavailable}, the rest a logged 500, exactly as over TCP.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail failed(RuntimeException ex) {
		return refused(ErrorTranslation.translate(ex));
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, describe(ex));
		problem.setProperty("code", "invalid-argument");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/** Names the field and the JSON type it needs, when the body is JSON but a value has the wrong type. */
	private static String describe(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath()
				.stream()
				.map(ref -> (ref.getPropertyName() != null) ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."));
			return field + ": must be " + jsonType(mismatch.getTargetType()) + ".";
		}
		return "The request body is missing or is not JSON of the expected shape.";
	}

	private static String jsonType(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "a JSON whole number (not a string, not a fraction)";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a JSON string";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return "a JSON value of type " + type.getSimpleName();
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

}
