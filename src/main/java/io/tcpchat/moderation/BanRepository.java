package io.tcpchat.moderation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface BanRepository extends Repository<Ban, Long> {

	Optional<Ban> findByUsernameKey(String usernameKey);

	List<Ban> findAllByOrderByCreatedAtDesc();

	Ban save(Ban ban);

	void delete(Ban ban);

}
