# Coroutines: await compiles to GetAwaitable + YieldFrom.
async def fetch(client, url):
    response = await client.get(url)
    data = await response.json()
    return data

async def main():
    return await fetch(None, "x")
