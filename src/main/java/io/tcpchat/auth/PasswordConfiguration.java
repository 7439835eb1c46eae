package io.tcpchat.auth;

import java.util.Map;

import io.tcpchat.config.ChatProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * Hashes are stored with their algorithm ({bcrypt}...), so the algorithm or its cost can change later without
	 * locking anyone out.
	 */
	@Bean
	PasswordEncoder passwordEncoder(ChatProperties properties) {
		return new DelegatingPasswordEncoder("bcrypt",
				Map.of("bcrypt", new BCryptPasswordEncoder(properties.security().bcryptStrength()), "pbkdf2",
						Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
	}

}
