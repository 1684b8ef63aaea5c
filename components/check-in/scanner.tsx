'use client';
// The scanner is a browser-only tool: its state (device id, offline list, queue) lives in this
// device's storage, so it renders on the client alone instead of twice with different data.
import dynamic from 'next/dynamic';

export const Scanner = dynamic(() => import('./scanner-panel'), { ssr: false });
