package io.tcpchat.auth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AccountRepository extends Repository<Account, Long> {

	/** The account holding a name: a live one or a tombstone that still reserves it. */
	Optional<Account> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

	boolean existsBySkeleton(String skeleton);

	List<Account> findByIdIn(Collection<Long> ids);

	/** Tombstones whose names are still reserved. */
	List<Account> findByDeletedAtIsNotNullAndUsernameKeyIsNotNullOrderByUsernameKeyAsc();

	/**
	 * Locks, in id order, every live admin and the accounts {@code ids} and {@code usernameKey}, and reads their
	 * committed state: changes that could leave no admin (or let a deleted admin act) are checked under these
	 * locks, so two admins deleting each other at once cannot both succeed.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id in :ids or a.usernameKey = :usernameKey"
			+ " or (a.deletedAt is null and a.roles like '%ADMIN%') order by a.id")
	List<Account> lockAdminsAnd(Collection<Long> ids, String usernameKey);

	List<Account> findByUsernameKeyIn(Collection<String> usernameKeys);

	List<Account> findByDeletedAtIsNullOrderByUsernameKeyAsc(Pageable page);

	Account save(Account account);

}
