// Run as a child (node --import tsx): cleanups registered with onCancel and
// onCancelLast in mixed order, then SIGINT. Prints each cleanup as it runs,
// for the cancel-order test.
import { installCancelHandlers, onCancel, onCancelLast } from '../src/run/cancel.js'

installCancelHandlers()
onCancelLast(() => console.log('release the lock'))
onCancel(() => console.log('put the profiles back'))
onCancel(() => console.log('remove the unfinished reports'))
console.log('ready')
setInterval(() => undefined, 1000)
