# async with / async for, composed from method calls, awaits and handlers.
async def f(ctx, source):
    async with ctx as conn:
        await conn.send(1)
    async for item in source:
        if item:
            break
    else:
        item = None
    return item
