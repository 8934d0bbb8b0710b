package com.unicornstore.points.adapter;

import com.unicornstore.points.domain.PointsAccount;
import java.util.LinkedHashMap;
import java.util.Map;

/** The accounts this instance knew last, least recently used dropped first; entries are copies. */
public final class AccountCache {

    private final Map<String, PointsAccount> accounts;

    public AccountCache(int maxAccounts) {
        this.accounts = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PointsAccount> eldest) {
                return size() > maxAccounts;
            }
        };
    }

    public synchronized PointsAccount get(String accountId) {
        PointsAccount account = accounts.get(accountId);
        return account == null ? null : account.copy();
    }

    public synchronized void put(PointsAccount account) {
        PointsAccount known = accounts.get(account.accountId());
        if (known == null || known.version() <= account.version()) {
            accounts.put(account.accountId(), account.copy());
        }
    }

    public synchronized void evict(String accountId) {
        accounts.remove(accountId);
    }
}
