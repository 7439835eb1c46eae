package io.tcpchat.admin.web;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies the authenticated admin as a {@link ChatUser} to handler methods: the services take the acting user,
 * as they do for TCP commands.
 */
@Component
class CurrentUser implements HandlerMethodArgumentResolver {

	private final AccountService accounts;

	CurrentUser(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == ChatUser.class;
	}

	@Override
	public ChatUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		// deleted between the password check and now (e.g. by another admin at the same moment)
		return this.accounts.findUser(authentication.getName())
			.orElseThrow(() -> new ChatException(ErrorCode.BAD_CREDENTIALS, "Your account no longer exists."));
	}

}
