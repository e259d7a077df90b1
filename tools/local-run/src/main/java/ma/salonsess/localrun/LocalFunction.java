package ma.salonsess.localrun;

import com.amazonaws.services.lambda.runtime.Context;
import java.lang.reflect.Method;
import ma.salonsess.localaws.LambdaContext;
import ma.salonsess.localaws.SamTemplate;
import ma.salonsess.shared.config.Env;

/**
 * One function of the template, loaded as Lambda would: its handler class, built once with the
 * configuration the template gives it, then invoked per event.
 */
final class LocalFunction {
    private final SamTemplate.FunctionDefinition definition;
    private final Object handler;
    private final Method method;
    private final Class<?> inputType;
    private final int timeoutSeconds;
    private final int memoryMb;

    LocalFunction(SamTemplate.FunctionDefinition definition, Env env, int timeoutSeconds, int memoryMb) {
        this.definition = definition;
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = memoryMb;
        try {
            Class<?> type = Class.forName(definition.handlerClass());
            // Our handlers take their configuration in a constructor (Env); Lambda calls the no-arg one.
            Object instance;
            try {
                instance = type.getConstructor(Env.class).newInstance(env);
            } catch (NoSuchMethodException noEnvConstructor) {
                instance = type.getConstructor().newInstance();
            }
            this.handler = instance;
            this.method = findMethod(type, definition.handlerMethod());
            this.inputType = method.getParameterTypes()[0];
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load " + definition.logicalId() + " (" + definition.handlerClass()
                    + "): " + e, e);
        }
    }

    String name() {
        return definition.logicalId();
    }

    Class<?> inputType() {
        return inputType;
    }

    SamTemplate.FunctionDefinition definition() {
        return definition;
    }

    Object invoke(Object input) throws Exception {
        try {
            return method.invoke(handler, input, new LambdaContext(name(), timeoutSeconds, memoryMb));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The handler method: the named one taking (input, Context), with the most specific input type. */
    private static Method findMethod(Class<?> type, String name) throws NoSuchMethodException {
        Method best = null;
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class
                    && !m.isBridge()) {
                best = m;
            }
        }
        if (best == null) {
            throw new NoSuchMethodException(type.getName() + "::" + name + "(input, Context)");
        }
        return best;
    }
}
