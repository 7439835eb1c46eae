package io.tcpchat.moderation;

import java.util.List;

import org.springframework.data.repository.Repository;

interface MuteRepository extends Repository<Mute, Long> {

	List<Mute> findAll();

	Mute save(Mute mute);

	int deleteByAccountId(long accountId);

}
