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
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every HTTP error as an RFC 9457 problem detail: refusals of the chat rules keep their catalogue status and carry
 * their code, as over TCP; Spring MVC's own (404 for an unknown path, 405, 415, ...) are problem details too, for
 * every handler, the Actuator's and the static resources' included (so Spring Boot's global problem-details
 * handler, which backs off for this one, is not needed). What fails before Spring MVC reaches
 * {@link ProblemErrorController}.
 */
@RestControllerAdvice
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

	/** A query or path parameter out of its range, e.g. {@code limit=0} on the audit trail. */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
			.sorted()
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				detail.isEmpty() ? "A parameter is invalid." : detail);
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

	/** Whatever Spring MVC refuses as a bad request (a malformed parameter, say) carries our code too. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body instanceof ProblemDetail problem && status.value() == 400
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			problem.setProperty("code", "invalid-argument");
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	private static String describe(FieldError error) {
		return error.getField() + ": " + error.getDefaultMessage();
	}

}
