package org.userstasks.page;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The page itself, at {@code /} and {@code /index.html}. A handler method rather than a
 * view or a resource mapping, so that any other method on these paths is a 405 problem
 * from the API's own error handling, like everywhere else.
 */
@Controller
@Hidden
class PageController {

	private static final Resource PAGE = new ClassPathResource("static/index.html");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	@GetMapping({ "/", "/index.html" })
	ResponseEntity<Resource> page() {
		// no-cache: a browser revalidates, so a new version of the page shows at once.
		return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(PAGE);
	}

}
