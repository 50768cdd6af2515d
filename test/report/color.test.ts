import { describe, expect, test } from 'vitest';
import { colorLevel, outputContext, resolveColor } from '../../src/report/color.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('resolveColor', () => {
  test('a TTY with a clean environment gets colour', () => {
    expect(resolveColor({ flag: 'auto', stream: tty, env: {} }).bold('x')).toBe('\u001b[1mx\u001b[22m');
  });

  test('NO_COLOR disables colour even when the stream is a TTY', () => {
    const chalk = resolveColor({ flag: 'auto', stream: tty, env: { NO_COLOR: '1' } });
    expect(chalk.level).toBe(0);
    expect(chalk.bold.cyan('x')).toBe('x');
  });

  test('an empty NO_COLOR does not count', () => {
    expect(colorLevel({ flag: 'auto', stream: tty, env: { NO_COLOR: '' } })).toBe(1);
  });

  test('no colour on a pipe or a dumb terminal', () => {
    expect(colorLevel({ flag: 'auto', stream: pipe, env: {} })).toBe(0);
    expect(colorLevel({ flag: 'auto', stream: {}, env: {} })).toBe(0);
    expect(colorLevel({ flag: 'auto', stream: tty, env: { TERM: 'dumb' } })).toBe(0);
  });

  test('FORCE_COLOR is honoured for auto, on a pipe and over NO_COLOR', () => {
    expect(colorLevel({ flag: 'auto', stream: pipe, env: { FORCE_COLOR: '1' } })).toBe(1);
    expect(colorLevel({ flag: 'auto', stream: pipe, env: { FORCE_COLOR: '' } })).toBe(1);
    expect(colorLevel({ flag: 'auto', stream: pipe, env: { FORCE_COLOR: '3' } })).toBe(3);
    expect(colorLevel({ flag: 'auto', stream: pipe, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(1);
    expect(colorLevel({ flag: 'auto', stream: tty, env: { FORCE_COLOR: '0' } })).toBe(0);
    expect(colorLevel({ flag: 'auto', stream: tty, env: { FORCE_COLOR: 'false' } })).toBe(0);
  });

  test('the flag beats the environment', () => {
    expect(colorLevel({ flag: 'always', stream: pipe, env: { NO_COLOR: '1' } })).toBe(1);
    expect(colorLevel({ flag: 'always', stream: pipe, env: { FORCE_COLOR: '0' } })).toBe(1);
    expect(colorLevel({ flag: 'never', stream: tty, env: { FORCE_COLOR: '3' } })).toBe(0);
  });
});

test('outputContext: width only for a terminal', () => {
  expect(outputContext({ format: 'table', flag: 'auto', stream: { isTTY: true, columns: 100 }, env: {} })).toEqual({
    format: 'table',
    color: true,
    columns: 100,
  });
  expect(outputContext({ format: 'csv', flag: 'auto', stream: { isTTY: false, columns: 100 }, env: {} })).toEqual({
    format: 'csv',
    color: false,
    columns: undefined,
  });
});
