import * as api from '@/api/client.js'

// Where the response editor reads and saves a response. The editor (responseEditor.js) keeps the outbox,
// the copy on the device and the save states; a source only knows the endpoints. Every source has:
//   copyKey          the key of the copy kept on the device (localCopy.js), known before anything loads
//   load()           → { response, round, instrument }; round is at least { id, label, status }
//   refresh(round)   → { response, round } after a 409, for their status and answers (round: the one shown)
//   saveAnswer(responseId, itemCode, body, idempotencyKey) and submit(responseId)

/** A signed-in person's response: /api/responses/{id}, its round and the instrument store. */
export function accountSource(responseId, instruments) {
  const id = String(responseId)
  return {
    copyKey: id,
    async load() {
      const response = await api.getResponse(id)
      const round = await api.getRound(response.roundId)
      const instrument = await instruments.definition(round.instrumentCode, round.instrumentVersion)
      return { response, round, instrument }
    },
    async refresh(shown) {
      const [response, round] = await Promise.all([api.getResponse(id), api.getRound(shown.id)])
      return { response, round }
    },
    saveAnswer: (rid, itemCode, body, key) => api.saveAnswer(rid, itemCode, body, key),
    submit: (rid) => api.submitResponse(rid),
  }
}

/** The round as the survey view describes it, in the shape the editor and its pages read. */
export const roundOfSurvey = (survey) => ({
  id: survey.roundId,
  label: survey.roundLabel,
  status: survey.roundStatus,
  organisationName: survey.organisationName,
  instrumentCode: survey.instrumentCode,
  instrumentVersion: survey.instrumentVersion,
})

/** A response through a survey link (no account): the /api/s/{token} endpoints. The response must be started. */
export function linkSource(token) {
  return {
    copyKey: `s.${token}`,
    async load() {
      const [survey, instrument, response] = await Promise.all([
        api.getSurvey(token),
        api.getSurveyInstrument(token),
        api.getSurveyResponse(token),
      ])
      return { response, round: roundOfSurvey(survey), instrument }
    },
    async refresh() {
      const [survey, response] = await Promise.all([api.getSurvey(token), api.getSurveyResponse(token)])
      return { response, round: roundOfSurvey(survey) }
    },
    saveAnswer: (rid, itemCode, body, key) => api.saveSurveyAnswer(token, itemCode, body, key),
    submit: () => api.submitSurvey(token),
  }
}
