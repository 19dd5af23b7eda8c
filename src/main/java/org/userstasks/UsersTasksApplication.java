package org.userstasks;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class UsersTasksApplication {

	public static void main(String[] args) {
		SpringApplication.run(UsersTasksApplication.class, args);
	}

}
