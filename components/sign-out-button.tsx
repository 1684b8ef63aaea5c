'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ redirectTo: '/' })} className="text-sm text-zinc-700 hover:text-zinc-950">
      로그아웃 Sign out
    </button>
  );
}
