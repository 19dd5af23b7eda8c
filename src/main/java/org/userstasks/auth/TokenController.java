package org.userstasks.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "tokens")
@RequestMapping("/tokens")
class TokenController {

	private final SignIn signIn;

	private final Tokens tokens;

	TokenController(SignIn signIn, Tokens tokens) {
		this.signIn = signIn;
		this.tokens = tokens;
	}

	@PostMapping
	@Operation(operationId = "signIn", summary = "Sign in: exchange a username and password for a token")
	@ApiResponse(responseCode = "200", description = "A token; send it as Authorization: Bearer <accessToken>")
	@ApiResponse(responseCode = "400", description = "The body is invalid")
	ResponseEntity<TokenView> signIn(@Valid @RequestBody SignInRequest body) {
		TokenView token = TokenView.of(this.signIn.signIn(body.username(), body.password()));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(token);
	}

	@DeleteMapping("/current")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "signOut", summary = "Sign out: revoke the token of this request")
	@ApiResponse(responseCode = "204", description = "The token no longer works")
	@ApiResponse(responseCode = "400", description = "The request could not be parsed (such as a malformed path)")
	void signOut(@AuthenticationPrincipal Caller caller) {
		this.tokens.revoke(caller);
	}

}
