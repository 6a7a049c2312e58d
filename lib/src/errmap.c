// SPDX-License-Identifier: LGPL-2.1-or-later OR MIT
/*
 * libntevent: the one table that turns an errno into an NTSTATUS and a
 * Winsock error. Every failure of every Nt*, WSA* and WPU* call goes
 * through it; ntevent(7) prints it.
 */
#include <errno.h>
#include <stddef.h>

#include <ntevent/nt.h>
#include <ntevent/windows.h>
#include <ntevent/winsock.h>

#include "internal.h"

struct ntevent_errmap {
	int err;
	NTSTATUS status;
	int wsa;
};

static const struct ntevent_errmap ntevent_errmap[] = {
	{ 0,		STATUS_SUCCESS,			0 },
	/* closed or never-opened descriptor, NULL handle */
	{ EBADF,	STATUS_INVALID_HANDLE,		WSA_INVALID_HANDLE },
	/* a wait names a descriptor that is not an event; pseudo-handles */
	{ EBADFD,	STATUS_OBJECT_TYPE_MISMATCH,	WSA_INVALID_HANDLE },
	/* an event ioctl on a descriptor that is not an event */
	{ ENOTTY,	STATUS_OBJECT_TYPE_MISMATCH,	WSA_INVALID_HANDLE },
	{ EACCES,	STATUS_ACCESS_DENIED,		ERROR_ACCESS_DENIED },
	{ EPERM,	STATUS_ACCESS_DENIED,		ERROR_ACCESS_DENIED },
	{ EFAULT,	STATUS_ACCESS_VIOLATION,	WSAEFAULT },
	{ EINVAL,	STATUS_INVALID_PARAMETER,	WSA_INVALID_PARAMETER },
	/* the same event twice in a wait-all */
	{ ENOTUNIQ,	STATUS_INVALID_PARAMETER_MIX,	WSA_INVALID_PARAMETER },
	/* a wait-all on events of two IPC namespaces */
	{ EXDEV,	STATUS_INVALID_PARAMETER_MIX,	WSA_INVALID_PARAMETER },
	{ ETIMEDOUT,	STATUS_TIMEOUT,			(int)WSA_WAIT_TIMEOUT },
	/* an alertable wait ended by a signal handler: the APC ran */
	{ EINTR,	STATUS_USER_APC,		(int)WSA_WAIT_IO_COMPLETION },
	{ ENOMEM,	STATUS_INSUFFICIENT_RESOURCES,	WSA_NOT_ENOUGH_MEMORY },
	{ EMFILE,	STATUS_INSUFFICIENT_RESOURCES,	WSA_NOT_ENOUGH_MEMORY },
	{ ENFILE,	STATUS_INSUFFICIENT_RESOURCES,	WSA_NOT_ENOUGH_MEMORY },
	/* the user owns max_names_per_user names in this IPC namespace */
	{ ENOSPC,	STATUS_INSUFFICIENT_RESOURCES,	WSA_NOT_ENOUGH_MEMORY },
	/*
	 * /dev/ntevent is missing: the module is not loaded. The faces ask
	 * for the device (ntevent__device_enodev) before any call that
	 * needs it, so its absence reaches this table as ENODEV, never as
	 * ENOENT.
	 */
	{ ENODEV,	STATUS_NO_SUCH_DEVICE,		WSAENETDOWN },
	{ ENXIO,	STATUS_NO_SUCH_DEVICE,		WSAENETDOWN },
	/* named events (NTEVENT_IOC_OPEN); Win32's errors for them */
	{ ENOENT,	STATUS_OBJECT_NAME_NOT_FOUND,	ERROR_FILE_NOT_FOUND },
	{ EEXIST,	STATUS_OBJECT_NAME_COLLISION,	ERROR_ALREADY_EXISTS },
	{ EILSEQ,	STATUS_OBJECT_NAME_INVALID,	ERROR_INVALID_NAME },
	{ ENAMETOOLONG,	STATUS_OBJECT_NAME_INVALID,	ERROR_INVALID_NAME },
	/* a RootDirectory, a named event's SecurityDescriptor: not honoured */
	{ EOPNOTSUPP,	STATUS_NOT_SUPPORTED,		WSAEOPNOTSUPP },
};

/* Anything else: a failure the library does not expect. */
static const struct ntevent_errmap ntevent_errmap_other = {
	-1, STATUS_UNSUCCESSFUL, WSASYSCALLFAILURE
};

static const struct ntevent_errmap *ntevent_errmap_find(int err)
{
	size_t i;

	if (err < 0)
		err = -err;
	for (i = 0; i < sizeof(ntevent_errmap) / sizeof(ntevent_errmap[0]); i++)
		if (ntevent_errmap[i].err == err)
			return &ntevent_errmap[i];
	return &ntevent_errmap_other;
}

/*
 * The socket calls' errors (closesocket, recv...): Winsock's WSAE* codes,
 * which are 10000 + the BSD errno, for Linux's errno values.
 */
static const struct {
	int err;
	int wsa;
} ntevent_sock_errmap[] = {
	{ EINTR,	WSAEINTR },
	{ EBADF,	WSAENOTSOCK },	/* not a descriptor: not a socket */
	{ ENOTSOCK,	WSAENOTSOCK },
	{ EACCES,	WSAEACCES },
	{ EFAULT,	WSAEFAULT },
	{ EINVAL,	WSAEINVAL },
	{ EMFILE,	WSAEMFILE },
	{ ENFILE,	WSAEMFILE },
	{ EAGAIN,	WSAEWOULDBLOCK },
	/* a non-blocking connect under way: Winsock says WSAEWOULDBLOCK */
	{ EINPROGRESS,	WSAEWOULDBLOCK },
	{ EALREADY,	WSAEALREADY },
	{ EDESTADDRREQ,	WSAEDESTADDRREQ },
	{ EMSGSIZE,	WSAEMSGSIZE },
	{ EPROTOTYPE,	WSAEPROTOTYPE },
	{ ENOPROTOOPT,	WSAENOPROTOOPT },
	{ EPROTONOSUPPORT, WSAEPROTONOSUPPORT },
	{ EOPNOTSUPP,	WSAEOPNOTSUPP },
	{ EAFNOSUPPORT,	WSAEAFNOSUPPORT },
	{ EADDRINUSE,	WSAEADDRINUSE },
	{ EADDRNOTAVAIL, WSAEADDRNOTAVAIL },
	{ ENETDOWN,	WSAENETDOWN },
	{ ENODEV,	WSAENETDOWN },	/* no /dev/ntevent */
	{ ENETUNREACH,	WSAENETUNREACH },
	{ ENETRESET,	WSAENETRESET },
	{ ECONNABORTED,	WSAECONNABORTED },
	{ ECONNRESET,	WSAECONNRESET },
	{ ENOBUFS,	WSAENOBUFS },
	{ ENOMEM,	WSAENOBUFS },
	{ EISCONN,	WSAEISCONN },
	{ ENOTCONN,	WSAENOTCONN },
	{ EPIPE,	WSAESHUTDOWN },
	{ ESHUTDOWN,	WSAESHUTDOWN },
	{ ETIMEDOUT,	WSAETIMEDOUT },
	{ ECONNREFUSED,	WSAECONNREFUSED },
	{ EHOSTUNREACH,	WSAEHOSTUNREACH },
	{ EHOSTDOWN,	WSAEHOSTUNREACH },
};

int ntevent__sock_errno_to_wsa(int err)
{
	size_t i;

	if (err < 0)
		err = -err;
	for (i = 0; i < sizeof(ntevent_sock_errmap) /
		    sizeof(ntevent_sock_errmap[0]); i++)
		if (ntevent_sock_errmap[i].err == err)
			return ntevent_sock_errmap[i].wsa;
	return WSASYSCALLFAILURE;
}

NTEVENT_EXPORT int32_t ntevent_errno_to_ntstatus(int err)
{
	return ntevent_errmap_find(err)->status;
}

NTEVENT_EXPORT int ntevent_errno_to_wsa(int err)
{
	return ntevent_errmap_find(err)->wsa;
}

/*
 * The Win32 error of each NTSTATUS the library returns, as Windows' ntdll
 * maps them (RtlNtStatusToDosError); kernel32.c sets its last errors
 * from it.
 */
static const struct {
	NTSTATUS status;
	ULONG error;
} ntevent_dos_errmap[] = {
	{ STATUS_SUCCESS,		ERROR_SUCCESS },
	{ STATUS_TIMEOUT,		WAIT_TIMEOUT },
	{ STATUS_PENDING,		997 /* ERROR_IO_PENDING */ },
	{ STATUS_UNSUCCESSFUL,		ERROR_GEN_FAILURE },
	{ STATUS_NOT_IMPLEMENTED,	ERROR_INVALID_FUNCTION },
	{ STATUS_INVALID_INFO_CLASS,	ERROR_INVALID_PARAMETER },
	{ STATUS_INFO_LENGTH_MISMATCH,	ERROR_BAD_LENGTH },
	{ STATUS_ACCESS_VIOLATION,	ERROR_NOACCESS },
	{ STATUS_INVALID_HANDLE,	ERROR_INVALID_HANDLE },
	{ STATUS_INVALID_PARAMETER,	ERROR_INVALID_PARAMETER },
	{ STATUS_NO_SUCH_DEVICE,	ERROR_FILE_NOT_FOUND },
	{ STATUS_NO_MEMORY,		ERROR_NOT_ENOUGH_MEMORY },
	{ STATUS_ACCESS_DENIED,		ERROR_ACCESS_DENIED },
	{ STATUS_OBJECT_TYPE_MISMATCH,	ERROR_INVALID_HANDLE },
	{ STATUS_INVALID_PARAMETER_MIX,	ERROR_INVALID_PARAMETER },
	{ STATUS_OBJECT_NAME_INVALID,	ERROR_INVALID_NAME },
	{ STATUS_OBJECT_NAME_NOT_FOUND,	ERROR_FILE_NOT_FOUND },
	{ STATUS_OBJECT_NAME_COLLISION,	ERROR_ALREADY_EXISTS },
	{ STATUS_OBJECT_PATH_INVALID,	ERROR_BAD_PATHNAME },
	{ STATUS_OBJECT_PATH_NOT_FOUND,	ERROR_PATH_NOT_FOUND },
	{ STATUS_OBJECT_PATH_SYNTAX_BAD, ERROR_BAD_PATHNAME },
	{ STATUS_INSUFFICIENT_RESOURCES, ERROR_NO_SYSTEM_RESOURCES },
	{ STATUS_NOT_SUPPORTED,		ERROR_NOT_SUPPORTED },
	{ STATUS_INVALID_PARAMETER_1,	ERROR_INVALID_PARAMETER },
	{ STATUS_INVALID_PARAMETER_2,	ERROR_INVALID_PARAMETER },
	{ STATUS_INVALID_PARAMETER_3,	ERROR_INVALID_PARAMETER },
	{ STATUS_INVALID_PARAMETER_4,	ERROR_INVALID_PARAMETER },
};

NTEVENT_EXPORT ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status)
{
	size_t i;

	for (i = 0; i < sizeof(ntevent_dos_errmap) /
			sizeof(ntevent_dos_errmap[0]); i++)
		if (ntevent_dos_errmap[i].status == Status)
			return ntevent_dos_errmap[i].error;
	/* Other successes and informational codes are no error; Windows
	 * says ERROR_MR_MID_NOT_FOUND for a code it has no error for. */
	return NT_SUCCESS(Status) ? ERROR_SUCCESS : ERROR_MR_MID_NOT_FOUND;
}
