package io.tcpchat.auth;

public enum Role {

	USER, ADMIN

}
