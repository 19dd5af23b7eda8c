package org.userstasks.web;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.core.Ordered;

/**
 * A document customizer with an order: springdoc sorts its customizers by the objects'
 * own order, not by {@code @Order} on their {@code @Bean} methods.
 */
record OrderedCustomizer(int order, OpenApiCustomizer delegate) implements OpenApiCustomizer, Ordered {

	@Override
	public void customise(OpenAPI api) {
		this.delegate.customise(api);
	}

	@Override
	public int getOrder() {
		return this.order;
	}

}
