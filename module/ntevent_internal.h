/* SPDX-License-Identifier: GPL-2.0 */
/* ntevent: what the core shares with the device layer only. */
#ifndef _NTEVENT_INTERNAL_H
#define _NTEVENT_INTERNAL_H

#include <ntevent/kevent.h>

bool ntevent_poll_state(struct ntevent *ev);

#endif /* _NTEVENT_INTERNAL_H */
