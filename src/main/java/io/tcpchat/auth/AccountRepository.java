package io.tcpchat.auth;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

	Optional<Account> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

	Account save(Account account);

	void delete(Account account);

}
