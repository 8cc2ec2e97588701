import type { TypeDefinition } from '../../../../shared/dossier-types';

const TOKEN = /\{([^{}]+)\}/g;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/**
 * What archive numbers a numbering rule can give, as a pattern: the type's code, a year, a month,
 * a running number of at least its width; a department code or a field's value as any run
 * without spaces or slashes (the value may have changed since the number was given).
 */
export function numberPattern(numbering: string, definition: Pick<TypeDefinition, 'code'> | null): RegExp {
  let pattern = '';
  let at = 0;
  for (const match of numbering.matchAll(TOKEN)) {
    pattern += escape(numbering.slice(at, match.index));
    at = match.index + match[0].length;
    const token = match[1] ?? '';
    const seq = /^seq:(\d+)$/.exec(token);
    if (seq) pattern += `\\d{${seq[1]},}`;
    else if (token === 'yyyy') pattern += '\\d{4}';
    else if (token === 'yy') pattern += '\\d{2}';
    else if (token === 'mm') pattern += '(?:0[1-9]|1[0-2])';
    else if (token === 'type' && definition) pattern += escape(definition.code);
    else pattern += '[^\\s/\\\\]+';
  }
  pattern += escape(numbering.slice(at));
  return new RegExp(`^${pattern}$`, 'i');
}
