#include "../internal.h"
#if defined(P2C_FRAME_OBJECTS_310)
PyTypeObject *P2C_GeneratorTypeRef, *P2C_CoroutineTypeRef, *P2C_AsyncGenTypeRef, *P2C_AsyncGenWrappedTypeRef;
int P2C_Generator_ReadyType(void) { return 0; }
#endif
