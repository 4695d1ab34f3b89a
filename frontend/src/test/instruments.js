// Test fixtures: instrument definitions shaped like GET /api/instruments/{code}/versions/{version}.

/** The staircase (Jämställdhetstrappan): one item, four steps with descriptions, no reflection prompts. */
export const STAIRCASE = Object.freeze({
  code: 'jamstalldhetstrappan',
  version: 1,
  title: 'Jämställdhetstrappan',
  kind: 'staircase',
  scale: [
    { value: 1, label: 'Omedvetet inkompetent', description: 'Jag ser inte hur kön påverkar vårt arbete.' },
    { value: 2, label: 'Medvetet inkompetent', description: 'Jag ser att det finns ojämställdhet.' },
    { value: 3, label: 'Medvetet kompetent', description: 'Jag vet hur jag kan arbeta med jämställdhet.' },
    { value: 4, label: 'Omedvetet kompetent', description: 'Jämställdhet är en självklar del av mitt arbete.' },
  ],
  reflectionPrompts: [],
  parts: [{ code: 'trappan', title: 'Trappan', items: [{ code: 'JT', text: 'Var är du i jämställdhetstrappan?' }] }],
})
