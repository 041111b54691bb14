// What every studio route handler imports to guard itself: the session and role check
// (server/staff, framework-free), the same-origin check for writes, the bounded JSON body
// reader, and the never-cached JSON answers of app/_server/studio-responses.
export { assertSameOrigin, currentStaffSession, readJsonBody, requireStaff } from '../../server/staff/require-staff';
export { studioErrorJson, studioHandler, studioJson } from './studio-responses';
