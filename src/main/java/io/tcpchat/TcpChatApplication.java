package io.tcpchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TcpChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(TcpChatApplication.class, args);
	}

}
