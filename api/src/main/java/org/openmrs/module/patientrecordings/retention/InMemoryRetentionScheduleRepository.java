/* SPDX-License-Identifier: MPL-2.0 */
package org.openmrs.module.patientrecordings.retention;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Administered retention schedules held in memory: for tests and for a server that keeps nothing across restarts. */
public final class InMemoryRetentionScheduleRepository implements RetentionScheduleRepository {

    private final Map<Jurisdiction, List<AdministeredSchedule>> versions = new LinkedHashMap<>();

    @Override
    public synchronized Optional<AdministeredSchedule> current(Jurisdiction jurisdiction) {
        List<AdministeredSchedule> all = versions.getOrDefault(jurisdiction, List.of());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public synchronized List<AdministeredSchedule> versions(Jurisdiction jurisdiction) {
        return List.copyOf(versions.getOrDefault(jurisdiction, List.of()));
    }

    @Override
    public synchronized List<Jurisdiction> jurisdictions() {
        return List.copyOf(versions.keySet());
    }

    @Override
    public synchronized boolean add(AdministeredSchedule schedule) {
        List<AdministeredSchedule> all = versions.computeIfAbsent(schedule.jurisdiction(), k -> new ArrayList<>());
        if (all.stream().anyMatch(s -> s.version() == schedule.version())) {
            return false;
        }
        all.add(schedule);
        return true;
    }
}
