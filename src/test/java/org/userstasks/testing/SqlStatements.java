package org.userstasks.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts the SQL statements that reach JDBC on the calling thread while an action runs,
 * whoever sends them (Hibernate, JdbcClient, JdbcTemplate): the application's
 * {@link DataSource} is wrapped in a proxy that records each statement prepared, and each
 * one executed on a plain {@link Statement}. MockMvc handles a request on the test
 * thread, so a request's statements are counted, and no other thread's ever are.
 */
@TestComponent
public class SqlStatements implements BeanPostProcessor {

	private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

	private static final Set<String> PREPARING = Set.of("prepareStatement", "prepareCall");

	private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "addBatch");

	/**
	 * Runs the action and returns the statements it sent.
	 */
	public Statements during(Runnable action) {
		List<String> sql = new ArrayList<>();
		RECORDING.set(sql);
		try {
			action.run();
		}
		finally {
			RECORDING.remove();
		}
		return new Statements(List.copyOf(sql));
	}

	public long countDuring(Runnable action) {
		return during(action).total();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
			return proxy(DataSource.class, dataSource, (method, args) -> {
				Object result = method.invoke(dataSource, args);
				return (result instanceof Connection connection) ? connection(connection) : result;
			});
		}
		return bean;
	}

	private static Connection connection(Connection connection) {
		return proxy(Connection.class, connection, (method, args) -> {
			if (PREPARING.contains(method.getName()) && args != null && args[0] instanceof String sql) {
				record(sql);
			}
			Object result = method.invoke(connection, args);
			if (method.getName().equals("createStatement") && result instanceof Statement statement) {
				return statement(statement);
			}
			return result;
		});
	}

	private static Statement statement(Statement statement) {
		return proxy(Statement.class, statement, (method, args) -> {
			if (EXECUTING.contains(method.getName()) && args != null && args[0] instanceof String sql) {
				record(sql);
			}
			return method.invoke(statement, args);
		});
	}

	private static void record(String sql) {
		List<String> recording = RECORDING.get();
		if (recording != null) {
			recording.add(sql);
		}
	}

	private static <T> T proxy(Class<T> type, T target, Call call) {
		InvocationHandler handler = (proxy, method, args) -> {
			try {
				return call.invoke(method, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return type
			.cast(Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	private interface Call {

		Object invoke(Method method, Object[] args) throws Exception;

	}

	/**
	 * The statements an action sent, in order, as SQL text with {@code ?} placeholders.
	 */
	public record Statements(List<String> sql) {

		public long total() {
			return this.sql.size();
		}

		public long selects() {
			return count("select");
		}

		public long inserts() {
			return count("insert");
		}

		public long updates() {
			return count("update");
		}

		public long deletes() {
			return count("delete");
		}

		public long others() {
			return count("other");
		}

		private long count(String kind) {
			return this.sql.stream().filter((statement) -> kind(statement).equals(kind)).count();
		}

		static String kind(String sql) {
			String first = sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
			return switch (first) {
				case "select", "insert", "update", "delete" -> first;
				default -> "other";
			};
		}

	}

}
