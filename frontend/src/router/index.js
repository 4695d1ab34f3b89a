import { createRouter, createWebHistory } from 'vue-router'
import HomeView from '../views/HomeView.vue'

export const routes = [
  { path: '/', name: 'home', component: HomeView, meta: { titleKey: 'home.title' } },
  {
    path: '/organisationer/:id',
    name: 'organisation',
    component: () => import('../views/OrganisationView.vue'),
    props: true,
    meta: { titleKey: 'organisation.pageTitle' },
  },
  {
    path: '/omgangar/:id',
    name: 'round',
    component: () => import('../views/RoundView.vue'),
    props: true,
    meta: { titleKey: 'round.pageTitle' },
  },
  {
    path: '/omgangar/:id/resultat',
    name: 'result',
    component: () => import('../views/ResultView.vue'),
    props: true,
    meta: { titleKey: 'result.pageTitle' },
  },
  {
    path: '/svar/:id',
    name: 'response',
    component: () => import('../views/ResponseView.vue'),
    props: true,
    meta: { titleKey: 'response.pageTitle' },
  },
  {
    path: '/instrument',
    name: 'instruments',
    component: () => import('../views/InstrumentsView.vue'),
    meta: { titleKey: 'instruments.title' },
  },
  {
    path: '/jamfor',
    name: 'comparison',
    component: () => import('../views/ComparisonView.vue'),
    props: (route) => ({
      from: typeof route.query.from === 'string' ? route.query.from : '',
      to: typeof route.query.to === 'string' ? route.query.to : '',
    }),
    meta: { titleKey: 'comparison.pageTitle' },
  },
  {
    path: '/regional',
    name: 'regional',
    component: () => import('../views/RegionalView.vue'),
    meta: { titleKey: 'regional.title' },
  },
  {
    path: '/workshoppar',
    name: 'workshops',
    component: () => import('../views/WorkshopsView.vue'),
    meta: { titleKey: 'workshop.listTitle' },
  },
  {
    path: '/workshoppar/jamfor',
    name: 'workshop-comparison',
    component: () => import('../views/WorkshopComparisonView.vue'),
    props: (route) => ({
      from: typeof route.query.from === 'string' ? route.query.from : '',
      to: typeof route.query.to === 'string' ? route.query.to : '',
    }),
    meta: { titleKey: 'workshop.compareTitle' },
  },
  {
    path: '/workshoppar/:id',
    name: 'workshop',
    component: () => import('../views/WorkshopView.vue'),
    props: true,
    meta: { titleKey: 'workshop.projectorTitle' },
  },
  {
    path: '/workshoppar/:id/sammanfattning',
    name: 'workshop-summary',
    component: () => import('../views/WorkshopSummaryView.vue'),
    props: true,
    meta: { titleKey: 'workshop.summaryTitle' },
  },
  {
    // The participants' page: the address in the QR code and on the projector.
    path: '/w/:code',
    name: 'workshop-participant',
    component: () => import('../views/WorkshopParticipantView.vue'),
    props: true,
    meta: { titleKey: 'workshop.participantTitle' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('../views/NotFoundView.vue'),
    meta: { titleKey: 'notFound.title' },
  },
]

export function createAppRouter(history = createWebHistory(import.meta.env.BASE_URL)) {
  return createRouter({
    history,
    routes,
    scrollBehavior(to, from, saved) {
      if (saved) return saved
      if (to.hash) return { el: to.hash, top: 96 }
      return { top: 0 }
    },
  })
}

export default createAppRouter()
