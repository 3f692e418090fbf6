/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Registers held in memory: for tests and for a server that keeps nothing across restarts. */
public final class InMemoryRegisterRepository implements RegisterRepository {

    private final Map<Class<?>, Map<String, RegisterEntry>> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized <T extends RegisterEntry> T save(T entry) {
        entries.computeIfAbsent(entry.getClass(), k -> new LinkedHashMap<>()).put(entry.id(), entry);
        return entry;
    }

    @Override
    public synchronized <T extends RegisterEntry> List<T> list(Class<T> type) {
        return entries.getOrDefault(type, Map.of()).values().stream()
                .map(type::cast)
                .toList();
    }

    @Override
    public synchronized <T extends RegisterEntry> Optional<T> find(Class<T> type, String id) {
        return Optional.ofNullable(entries.getOrDefault(type, Map.of()).get(id)).map(type::cast);
    }
}
