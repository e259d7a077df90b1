package ma.salonsess.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** An SDK client that throws a given fault for one operation when asked to, and else calls the real one. */
final class FaultyClient {
    private FaultyClient() {
    }

    /**
     * Every call whose method name starts with {@code operation} (so its paginator too, which would
     * otherwise reach the real client directly) throws {@code fault} while {@code failNow} says so.
     */
    static <C> C failingWhile(Class<C> type, C real, String operation, BooleanSupplier failNow,
                              Supplier<? extends RuntimeException> fault) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith(operation) && failNow.getAsBoolean()) {
                throw fault.get();
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
