import type React from 'react';
// SPDX-License-Identifier: MPL-2.0
import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { SignedIn } from '../api/session';

interface Context {
  api: ApiClient;
  /** Who is signed in and their privileges; undefined while unknown (every control then shows). */
  session?: SignedIn;
}

const ApiContext = createContext<Context | undefined>(undefined);

export function ApiProvider({ api, session, children }: Context & { children: React.ReactNode }) {
  return <ApiContext.Provider value={{ api, session }}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const context = useContext(ApiContext);
  if (!context) {
    throw new Error('useApi outside ApiProvider');
  }
  return context.api;
}

/** Whether the signed-in user holds a privilege (SAF-3); true while privileges are unknown, the server decides. */
export function useCan(privilege: string): boolean {
  const context = useContext(ApiContext);
  return !context?.session || context.session.privileges.includes(privilege);
}

/** Who is signed in, when known. */
export function useSignedIn(): SignedIn | undefined {
  return useContext(ApiContext)?.session;
}
