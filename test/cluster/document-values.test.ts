import { Fn } from 'cdktf';
import { DocumentValuesMemo, mayHoldTokens } from '../../lib/cluster/document-values';
import { SensitiveValue } from '../../lib/values/sensitive';

describe('DocumentValuesMemo, values as install plans show them', () => {
  it('shows a tree without tokens once: the same plain copy for every plan that shares it', () => {
    const memo = new DocumentValuesMemo();
    const resolve = jest.fn((v: unknown) => v);
    const values = { replicas: 2, image: { tag: 'v1' } };
    const first = memo.of(values, resolve);
    expect(first).toEqual(values);
    expect(first).not.toBe(values);
    expect(memo.of(values, resolve)).toBe(first);
    expect(resolve).not.toHaveBeenCalled();
  });

  it('resolves a tree that holds a token for every plan, as each stack resolves it', () => {
    const memo = new DocumentValuesMemo();
    const values = { host: Fn.lower('A') };
    const resolve = jest.fn((v: unknown) => ({ resolved: v }));
    memo.of(values, resolve);
    memo.of(values, resolve);
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('shows a sensitive value as its masked text, never the value', () => {
    const memo = new DocumentValuesMemo();
    expect(memo.of({ token: SensitiveValue.fromVariable('admin_token') }, (v) => v)).toEqual({ token: '(sensitive: var.admin_token)' });
  });

  it('tells which JSON trees the resolver could change', () => {
    expect(mayHoldTokens({ a: ['plain', 1, true, null] })).toBe(false);
    expect(mayHoldTokens({ a: ['${var.x}'] })).toBe(true);
    expect(mayHoldTokens({ '#{x}': 1 })).toBe(true);
    expect(mayHoldTokens(Fn.lower('A'))).toBe(true);
  });
});
