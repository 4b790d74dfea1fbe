// A lane as the reader's language names it (messages: lane.*, as the lane badges say it); a code the
// catalogue does not know is shown as it came.
const LANES = ['GREEN', 'YELLOW', 'RED'] as const;

export function laneName(lane: string, t: (key: (typeof LANES)[number]) => string): string {
  return (LANES as readonly string[]).includes(lane) ? t(lane as (typeof LANES)[number]) : lane;
}
