/** Setup file of every test project: the temporary folders a test file made go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

afterAll(removeTempDirs);
