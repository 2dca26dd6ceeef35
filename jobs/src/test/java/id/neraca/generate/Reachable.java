package id.neraca.generate;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Counts the array slots and collection entries reachable from an object through the generator's own
 * classes (java.io buffers, strings and other JDK internals are not followed: they are fixed-size).
 */
final class Reachable {
    private Reachable() {}

    static long elements(Object root) throws IllegalAccessException {
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long count = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o == null || seen.put(o, true) != null) continue;
            Class<?> c = o.getClass();
            if (c.isArray()) {
                int n = Array.getLength(o);
                count += n;
                if (!c.getComponentType().isPrimitive()) for (int i = 0; i < n; i++) {
                    Object e = Array.get(o, i);
                    if (e != null) todo.push(e);
                }
            } else if (o instanceof Collection<?> col) {
                count += col.size();
                todo.addAll(col.stream().filter(x -> x != null).toList());
            } else if (o instanceof Map<?, ?> m) {
                count += m.size();
                m.forEach((k, v) -> {
                    if (k != null) todo.push(k);
                    if (v != null) todo.push(v);
                });
            } else if (c.getName().startsWith("id.neraca.generate.")) {
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        f.setAccessible(true);
                        Object v = f.get(o);
                        if (v != null) todo.push(v);
                    }
                }
            }
        }
        return count;
    }
}
