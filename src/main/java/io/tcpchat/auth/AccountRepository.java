package io.tcpchat.auth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

	Optional<Account> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

	List<Account> findByUsernameKeyIn(Collection<String> usernameKeys);

	Account save(Account account);

	void delete(Account account);

}
