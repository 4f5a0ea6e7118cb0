// HIT G-codes are billed in 15-minute increments of the visit (004, question 25).
import { isHitCode } from '../codes/classes';
import { fixIfAny, setFieldEdits } from '../fixes/edit';
import type { Rule } from './types';

const INCREMENT_MIN = 15;

export const rule: Rule = {
  meta: {
    id: 'hit-units',
    scope: 'line', // findings depend on the line's own values
    defaultSeverity: 'warning',
    description: 'HIT G-code units are not the visit\'s 15-minute increments (ceil(duration_min / 15)).',
    policy: {
      seed: '004_a1c54660d9639f72.txt',
      quote: 'the qualified HIT supplier should submit claims for the appropriate G-code in multiple units of ' +
        '15-minute increments to report the actual duration of each HIT service visit',
    },
    fixable: 'unsafe',
  },
  check(doc, ctx) {
    for (const line of doc.lines) {
      const minutes = line.durationMin;
      if (!isHitCode(line.hcpcs) || minutes === undefined) continue;
      if (minutes < INCREMENT_MIN) {
        ctx.report({
          span: line.fields.duration_min?.span ?? line.span,
          line,
          message: `${line.hcpcs} visit of ${minutes} minutes is under 15 minutes, which is not a covered ` +
            'administration period: check the visit\'s duration, or do not bill it',
        });
        continue;
      }
      const expected = Math.ceil(minutes / INCREMENT_MIN);
      if (line.units === undefined || line.units === expected) continue;
      ctx.report({
        span: line.fields.units?.span ?? line.span,
        line,
        message: `${line.hcpcs} has ${line.units} ${line.units === 1 ? 'unit' : 'units'} but the ${minutes}-minute ` +
          `visit is ${expected} ${expected === 1 ? 'unit' : 'units'} of 15 minutes: set units to ${expected}`,
        fixes: () => fixIfAny(`Set units to ${expected}`, false, setFieldEdits(doc, line, 'units', String(expected))),
      });
    }
  },
};
